// Copies the built wasm module, the JS API and the pages into dist/, turns the dataset into a JS
// module (so the browser, Node and the offline file all get it the same way: as an import), and
// bundles the widget (web/salary-calculator.js + web/ui/) into one minified ES module,
// dist/salary-calculator.js, that imports ./salary-core.mjs beside it (one shared wasm instance).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const built = join(root, 'build/wasm/web');

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

/** Options shared by the widget bundle and the offline bundle. */
export const widgetBuildOptions = {
  bundle: true, minify: true, legalComments: 'none', target: ['es2022'], write: false, logLevel: 'warning',
};

async function bundleWidget() {
  const keepCoreExternal = {
    name: 'core-external',
    setup(build) {
      build.onResolve({ filter: /(^|\/)salary-core\.mjs$/ }, () => ({ path: './salary-core.mjs', external: true }));
    },
  };
  const result = await esbuild.build({
    ...widgetBuildOptions,
    entryPoints: [join(root, 'web/salary-calculator.js')],
    format: 'esm',
    plugins: [cssTextPlugin, keepCoreExternal],
  });
  writeFileSync(join(dist, 'salary-calculator.js'), result.outputFiles[0].text);
}

/** Minifies the copied ES modules in place (the readable sources stay in web/ and build/). */
async function minifyModules(names) {
  for (const name of names) {
    const file = join(dist, name);
    const { code } = await esbuild.transform(readFileSync(file, 'utf8'), {
      minify: true, format: 'esm', target: 'es2022', legalComments: 'none',
    });
    writeFileSync(file, code);
  }
}

async function main() {
  mkdirSync(dist, { recursive: true });
  for (const [from, to] of [
    [join(built, 'salary-core-glue.mjs'), 'salary-core-glue.mjs'],
    [join(built, 'salary-core-glue.wasm'), 'salary-core.wasm'],
    [join(built, 'salary-core-json-glue.mjs'), 'salary-core-json-glue.mjs'],
    [join(built, 'salary-core-json-glue.wasm'), 'salary-core-json.wasm'],
    [join(root, 'web/salary-data.mjs'), 'salary-data.mjs'],
    [join(root, 'web/salary-core.mjs'), 'salary-core.mjs'],
    [join(root, 'web/salary-core.d.ts'), 'salary-core.d.ts'],
    [join(root, 'web/index.html'), 'index.html'],
    [join(root, 'web/page.mjs'), 'page.mjs'],
    [join(root, 'web/page.css'), 'page.css'],
    [join(root, 'web/embed-example.html'), 'embed-example.html'],
    [join(root, 'web/embed-example.css'), 'embed-example.css'],
  ]) {
    if (!existsSync(from)) throw new Error(`assemble-dist: ${from} is missing (run scripts/build first)`);
    copyFileSync(from, join(dist, to));
  }

  for (const snapshot of ['salary-data.bin', 'salary-data-extras.bin']) {
    if (!existsSync(join(dist, snapshot))) throw new Error(`assemble-dist: dist/${snapshot} is missing (scripts/build writes it)`);
  }

  await bundleWidget();
  await minifyModules(['salary-core-glue.mjs', 'salary-core-json-glue.mjs', 'salary-core.mjs', 'salary-data.mjs']);

  console.log(`assemble-dist: wrote ${dist}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
