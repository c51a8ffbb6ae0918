import * as esbuild from 'esbuild';
import { cssTextPlugin } from './assemble-dist.mjs';
const r = await esbuild.build({ bundle: true, minify: true, legalComments: 'none', target: ['es2022'], write: false, logLevel: 'warning',
  entryPoints: ['/work/wt-bytes/web/salary-calculator.js'], format: 'esm', splitting: true, outdir: '/tmp/bytes/out', metafile: true,
  entryNames: '[name]', chunkNames: 'salary-calculator-[name]-[hash]',
  plugins: [cssTextPlugin, { name: 'x', setup(b) { b.onResolve({ filter: /(^|\/)salary-core\.mjs$/ }, () => ({ path: './salary-core.mjs', external: true })); } }] });
for (const [out, o] of Object.entries(r.metafile.outputs)) {
  console.log(out.split('/').pop(), o.bytes);
  for (const [inp, i] of Object.entries(o.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log('   ', i.bytesInOutput, inp.replace(/.*web\//,''));
}
