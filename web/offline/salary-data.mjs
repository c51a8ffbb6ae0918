// Stands in for web/salary-data.mjs in the offline file: the dataset snapshots, inlined gzipped.
import { CORE_GZIP_BASE64, EXTRAS_GZIP_BASE64, AREAS_GZIP_BASE64 } from 'offline:payload';
import { gunzipBase64 } from './gunzip.mjs';

export const coreSnapshot = () => gunzipBase64(CORE_GZIP_BASE64);
export const extrasSnapshot = () => gunzipBase64(EXTRAS_GZIP_BASE64);
export const areasSnapshot = () => gunzipBase64(AREAS_GZIP_BASE64);
