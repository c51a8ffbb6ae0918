// Stands in for web/salary-data.mjs in the offline file: the dataset snapshots, packed in the file.
import { unpack } from './payload.mjs';

export const coreSnapshot = () => unpack('core');
export const extrasSnapshot = () => unpack('extras');
export const areasSnapshot = () => unpack('areas');
