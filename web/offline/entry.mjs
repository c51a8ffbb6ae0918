// The offline file's script: the calculator page (which defines the widget), bundled by
// scripts/build-offline.mjs into one classic script; boot.mjs unpacks and runs it. The payload
// module first, so that it reads document.currentScript while it is still this script.
import './payload.mjs';
import '../page.mjs';
