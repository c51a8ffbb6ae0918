// Styles a widget adds to its own once a part that needs them loads (place-field.js, print
// styles), so the widget's stylesheet (markup.js) does not carry them for visitors who never
// use that part. One constructed sheet per text, shared by every widget on the page.
const sheets = new Map();

/** Adds `css` to the shadow root `root` once; `name` marks the <style> old browsers get instead. */
export function addSheet(root, css, name) {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheets.has(css)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    const sheet = sheets.get(css);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector(`style[data-sheet="${name}"]`)) {
    const style = document.createElement('style'); // old browsers, as markup.js adoptStyles
    style.dataset.sheet = name;
    style.textContent = css;
    root.append(style);
  }
}
