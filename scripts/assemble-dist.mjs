// Copies the built wasm modules, the JS API and the pages into dist/, checks that each Emscripten
// glue instantiates its wasm, points the JS API at the glue for its environment, and bundles the widget (web/salary-calculator.js + web/ui/) into
// minified ES modules: dist/salary-calculator.js, which imports ./salary-core.mjs beside it (one
// shared wasm instance), and the salary-calculator-*.js chunks it imports: code split at each
// panel's dynamic import(), so a widget downloads only the panels it shows. The page's script
// (dist/page.mjs) is one bundle with the widget and all its panels inside.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { minify } from 'terser';
import { parseSchema, readerSource, FULL_MODULE_RECORDS } from '../web/wasm/schema.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const built = join(root, 'build/wasm/web/wasm');

/** esbuild plugin: `import css from './x.css'` gives the minified stylesheet as a string. */
export const cssTextPlugin = {
  name: 'css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

/**
 * esbuild plugin: `import * as record from './wasm/records.schema'` gives the readers generated
 * from the wire format's schema (web/wasm/schema.mjs), one per record, but for the results only
 * the full module computes; `'./records.schema?full'` gives those (web/wasm/full-records.mjs).
 */
export const recordSchemaPlugin = {
  name: 'record-schema',
  setup(build) {
    build.onLoad({ filter: /\.schema$/ }, (args) => {
      const records = parseSchema(readFileSync(args.path, 'utf8'));
      const full = args.suffix === '?full';
      const only = [...records.keys()].filter((name) => FULL_MODULE_RECORDS.includes(name) === full);
      return { contents: readerSource(records, './record-reader.mjs', only), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// SALARY_READABLE=1 node scripts/assemble-dist.mjs: dist/'s modules unminified, so that a CPU
// profile of the page names functions and lines (docs/performance.md). Never for what ships.
const readable = Boolean(process.env.SALARY_READABLE);

/** Options shared by the widget bundle and the offline bundle. */
export const widgetBuildOptions = {
  bundle: true, minify: !readable, legalComments: 'none', target: ['es2022'], write: false, logLevel: 'warning',
};

/** The JS API stays a file of its own beside the bundles: one wasm instance for every widget. */
const keepCoreExternal = {
  name: 'core-external',
  setup(build) {
    build.onResolve({ filter: /(^|\/)salary-core\.mjs$/ }, () => ({ path: './salary-core.mjs', external: true }));
  },
};

async function bundleWidget() {
  const result = await esbuild.build({
    ...widgetBuildOptions,
    entryPoints: [join(root, 'web/salary-calculator.js')],
    format: 'esm',
    splitting: true,
    outdir: dist,
    entryNames: '[name]',
    chunkNames: 'salary-calculator-[name]-[hash]',
    plugins: [cssTextPlugin, keepCoreExternal],
  });
  // The chunks of an earlier build have other hashes: remove them (and their .gz).
  for (const name of readdirSync(dist)) {
    if (/^salary-calculator-.+\.js(\.gz)?$/.test(name)) rmSync(join(dist, name));
  }
  for (const file of result.outputFiles) writeFileSync(file.path, file.text);
}

/**
 * The page's script with the widget and every panel in it, not split: the page shows all the
 * panels, and one file compresses better and loads sooner than a dozen (the split widget bundle
 * would cost it ~5 KB more gzip and a round trip).
 */
async function bundlePage() {
  const builderExternal = {
    name: 'embed-builder-external',
    setup(build) {
      build.onResolve({ filter: /(^|\/)embed-builder\.mjs$/ }, () => ({ path: './embed-builder.mjs', external: true }));
    },
  };
  const result = await esbuild.build({
    ...widgetBuildOptions,
    entryPoints: [join(root, 'web/page.mjs')],
    format: 'esm',
    plugins: [cssTextPlugin, keepCoreExternal, builderExternal],
  });
  writeFileSync(join(dist, 'page.mjs'), result.outputFiles[0].text);
}

/**
 * A module that imports the JS API beside it, bundled into a file of its own: the page's embed
 * builder (imported when the builder is opened) and the offers API (salary-offers.mjs, imported
 * by whoever compares offers; the widget's offers panel bundles its own copy into its chunk).
 */
async function bundleBesideCore(name) {
  const result = await esbuild.build({
    ...widgetBuildOptions,
    entryPoints: [join(root, 'web', name)],
    format: 'esm',
    plugins: [keepCoreExternal],
  });
  writeFileSync(join(dist, name), result.outputFiles[0].text);
}

/**
 * dist/salary-core.mjs: the JS API, minified, with its glue import swapped for a choice made when
 * the first module is created: browsers use the web-only glue (bundled in, no Node code path to
 * download), Node imports ./salary-core-node-glue.mjs. Both glues load salary-core.wasm.
 */
const glueForEnvironment = `
import web from './salary-core-glue.mjs';
const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;
export default (options) => (isNode ? import('./salary-core-node-glue.mjs').then((m) => m.default(options)) : web(options));
`;

async function bundleCore() {
  const result = await esbuild.build({
    ...widgetBuildOptions,
    entryPoints: [join(root, 'web/salary-core.mjs')],
    format: 'esm',
    plugins: [{
      name: 'glue-for-environment',
      setup(build) {
        // The web glue and the data loader go inside this module: one file fewer for a browser
        // to fetch, and they compress better together (~0.4 KB gzip less).
        build.onResolve({ filter: /^\.\/salary-core-glue\.mjs$/ }, (args) => (args.namespace === 'glue'
          ? { path: join(dist, 'salary-core-glue.mjs') } : { path: 'glue', namespace: 'glue' }));
        build.onLoad({ filter: /.*/, namespace: 'glue' }, () => ({ contents: glueForEnvironment, loader: 'js', resolveDir: dist }));
        build.onResolve({ filter: /^\.\/salary-data\.mjs$/ }, () => ({ path: join(root, 'web/salary-data.mjs') }));
        // The record readers (web/wasm/) go inside too.
        build.onResolve({ filter: /^\.\/(wasm\/)?record(s\.schema|-reader\.mjs)$/ }, (args) => ({ path: join(args.resolveDir, args.path) }));
        // Everything else it imports stays a file of its own (or a Node built-in).
        build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
      },
    }, recordSchemaPlugin],
  });
  writeFileSync(join(dist, 'salary-core.mjs'), result.outputFiles[0].text);
}

/**
 * dist/<name>: a lazily loaded module's Emscripten glue with its JavaScript half (`entry`) bundled
 * in: for the full module, the readers of the records only it writes (web/full-glue.mjs); for the
 * JSON one, those and the reading of load()'s dataset argument (web/json-dataset.mjs). Only pages
 * that load the module download that code. salary-core.mjs stays external: one SalaryError.
 */
async function bundleGlue(name, entry) {
  const glue = join(dist, name);
  const result = await esbuild.build({
    ...widgetBuildOptions,
    entryPoints: [join(root, entry)],
    format: 'esm',
    plugins: [{
      name: 'glue',
      setup(build) {
        build.onResolve({ filter: /^\.\/salary-core-(full|json)-glue\.mjs$/ }, () => ({ path: glue }));
        build.onResolve({ filter: /(^|\/)salary-core\.mjs$/ }, (args) => ({ path: args.path, external: true }));
        build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
      },
    }, recordSchemaPlugin],
  });
  writeFileSync(glue, result.outputFiles[0].text);
}

/**
 * Instantiates each glue with its wasm under Node: an Emscripten glue and a wasm from different
 * links fail only at run time (a LinkError on import "a"), which once shipped a JSON module that
 * could not load any custom dataset.
 */
async function checkGlue() {
  // The web-only glue too: handed the bytes, it needs no browser API to instantiate them.
  for (const [glue, wasm] of [['salary-core-glue.mjs', 'salary-core.wasm'], ['salary-core-node-glue.mjs', 'salary-core.wasm'],
    ['salary-core-full-glue.mjs', 'salary-core-full.wasm'], ['salary-core-json-glue.mjs', 'salary-core-json.wasm']]) {
    const { default: create } = await import(pathToFileURL(join(dist, glue)).href);
    try {
      await create({ wasmBinary: readFileSync(join(dist, wasm)) });
    } catch (e) {
      throw new Error(`assemble-dist: dist/${glue} cannot instantiate dist/${wasm} (${e.message || e}); rebuild them together (rm -rf build/wasm; scripts/build)`);
    }
  }
}

/**
 * Minifies the ES modules of dist/ in place with Terser (the readable sources stay in web/ and
 * build/): after esbuild's minifier, or Closure's for the glue, it still takes ~0.5 KB gzip off
 * what a widget downloads. Only safe transforms (no "unsafe" or "pure_getters" options).
 */
async function minifyModules(names) {
  for (const name of names) {
    const file = join(dist, name);
    const { code } = await minify(readFileSync(file, 'utf8'), {
      module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false },
    });
    writeFileSync(file, code);
  }
}

async function main() {
  mkdirSync(dist, { recursive: true });
  for (const [from, to] of [
    [join(built, 'salary-core-glue.mjs'), 'salary-core-glue.mjs'],
    [join(built, 'salary-core-glue.wasm'), 'salary-core.wasm'],
    [join(built, 'salary-core-node-glue.mjs'), 'salary-core-node-glue.mjs'],
    [join(built, 'salary-core-full-glue.mjs'), 'salary-core-full-glue.mjs'],
    [join(built, 'salary-core-full-glue.wasm'), 'salary-core-full.wasm'],
    [join(built, 'salary-core-json-glue.mjs'), 'salary-core-json-glue.mjs'],
    [join(built, 'salary-core-json-glue.wasm'), 'salary-core-json.wasm'],
    [join(root, 'web/salary-data.mjs'), 'salary-data.mjs'],
    [join(root, 'web/salary-core.d.ts'), 'salary-core.d.ts'],
    [join(root, 'web/salary-offers.d.ts'), 'salary-offers.d.ts'],
    [join(root, 'web/salary-calculator.d.ts'), 'salary-calculator.d.ts'],
    [join(root, 'web/index.html'), 'index.html'],
    [join(root, 'web/page.css'), 'page.css'],
    [join(root, 'web/embed-example.html'), 'embed-example.html'],
    [join(root, 'web/embed-example.css'), 'embed-example.css'],
    [join(root, 'web/embed.html'), 'embed.html'],
    [join(root, 'web/embed.css'), 'embed.css'],
    [join(root, 'web/embed.mjs'), 'embed.mjs'],
  ]) {
    if (!existsSync(from)) throw new Error(`assemble-dist: ${from} is missing (run scripts/build first)`);
    copyFileSync(from, join(dist, to));
  }

  // The Node glue loads the browser's salary-core.wasm: the two links must agree to the byte.
  if (!readFileSync(join(built, 'salary-core-node-glue.wasm')).equals(readFileSync(join(dist, 'salary-core.wasm')))) {
    throw new Error('assemble-dist: the web and Node links of the default module produced different .wasm files');
  }

  for (const snapshot of ['salary-data.bin', 'salary-data-extras.bin', 'salary-data-areas.bin']) {
    if (!existsSync(join(dist, snapshot))) throw new Error(`assemble-dist: dist/${snapshot} is missing (scripts/build writes it)`);
  }

  await bundleWidget();
  await bundlePage();
  await bundleBesideCore('embed-builder.mjs');
  await bundleBesideCore('salary-offers.mjs');
  await bundleCore();
  await bundleGlue('salary-core-full-glue.mjs', 'web/full-glue.mjs');
  await bundleGlue('salary-core-json-glue.mjs', 'web/json-dataset.mjs');
  if (!readable) await minifyModules(['salary-core-glue.mjs', 'salary-core-node-glue.mjs', 'salary-core-full-glue.mjs', 'salary-core-json-glue.mjs', 'salary-data.mjs',
    'salary-core.mjs', 'salary-offers.mjs', 'page.mjs', 'embed.mjs', 'embed-builder.mjs', ...readdirSync(dist).filter((name) => /^salary-calculator(-.+)?\.js$/.test(name))]);
  await checkGlue();

  console.log(`assemble-dist: wrote ${dist}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
