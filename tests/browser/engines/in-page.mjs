// What the Firefox and WebKit adapters run inside the page: finding elements the way Playwright's
// CSS locators do (through open shadow roots, descendant combinators crossing into them), checking
// that an element can be acted on, and returning values as JSON that keeps `undefined`. It is sent
// as source text with every call (WebDriver has no way to keep a function in the page), so it must
// not refer to anything outside itself.
export function runtime() {
  const UNDEFINED = '\u0000undefined';

  /** `node` itself and every open shadow root inside it (its own included). */
  function roots(node) {
    const found = [node];
    const walk = (n) => {
      for (const e of n.querySelectorAll('*')) {
        if (e.shadowRoot) {
          found.push(e.shadowRoot);
          walk(e.shadowRoot);
        }
      }
    };
    if (node.shadowRoot) {
      found.push(node.shadowRoot);
      walk(node.shadowRoot);
    }
    walk(node);
    return found;
  }

  /** Splits a selector at its top-level descendant combinators: 'a > b c' → ['a > b', 'c']. */
  function descendantParts(selector) {
    const parts = [];
    let depth = 0, quote = '', current = '';
    const s = selector.trim();
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (quote) {
        if (c === quote && s[i - 1] !== '\\') quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') depth--;
      else if (/\s/.test(c) && depth === 0) {
        let j = i;
        while (/\s/.test(s[j + 1] || '')) j++;
        const before = current.trimEnd().slice(-1), after = s[j + 1];
        if (!'>+~'.includes(before) && !'>+~'.includes(after)) {
          parts.push(current);
          current = '';
          i = j;
          continue;
        }
      }
      current += c;
    }
    parts.push(current);
    return parts.map((p) => p.trim()).filter(Boolean);
  }

  /** Elements under `scope` matching `parts`, where each descendant step may cross into a shadow root. */
  function query(scope, parts) {
    const found = new Set();
    const whole = parts.join(' ');
    for (const r of roots(scope)) for (const e of r.querySelectorAll(whole)) found.add(e);
    for (let i = 1; i < parts.length; i++) {
      for (const host of query(scope, parts.slice(0, i))) {
        if (host.shadowRoot) for (const e of query(host.shadowRoot, parts.slice(i))) found.add(e);
      }
    }
    return [...found];
  }

  /** Document order, shadow trees counted where their host is. */
  function inOrder(elements) {
    if (elements.length < 2) return elements;
    const order = new Map();
    let n = 0;
    const visit = (node) => {
      for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
        order.set(c, n++);
        if (c.shadowRoot) visit(c.shadowRoot);
        visit(c);
      }
    };
    visit(document);
    return elements.sort((a, b) => order.get(a) - order.get(b));
  }

  const text = (e) => (e.textContent || '').replace(/\s+/g, ' ');

  /** The elements a chain of locator steps designates. */
  function resolve(steps) {
    let current = [document];
    for (const step of steps) {
      if (step.css) {
        const parts = descendantParts(step.css);
        const next = new Set();
        for (const scope of current) for (const e of query(scope, parts)) next.add(e);
        current = inOrder([...next]);
      } else if ('nth' in step) {
        const e = step.nth < 0 ? current[current.length + step.nth] : current[step.nth];
        current = e ? [e] : [];
      } else if (step.hasText) {
        const pattern = step.hasText.regex ? new RegExp(step.hasText.regex, step.hasText.flags) : null;
        current = current.filter((e) => (pattern ? pattern.test(text(e)) : text(e).toLowerCase().includes(step.hasText.string.toLowerCase())));
      }
    }
    return current;
  }

  function describe(steps) {
    return steps.map((s) => s.css || ('nth' in s ? `nth=${s.nth}` : `has-text=${JSON.stringify(s.hasText)}`)).join(' >> ');
  }

  /** The one element `steps` designates (null if none yet); more than one is an error, as in Playwright. */
  function one(steps) {
    const found = resolve(steps);
    if (found.length > 1) throw new Error(`strict mode violation: ${describe(steps)} matches ${found.length} elements`);
    return found[0] || null;
  }

  function visible(e) {
    if (!e || !e.isConnected) return false;
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  }

  /** The innermost element at a point of the viewport, looking into shadow roots. */
  function elementAt(x, y) {
    let e = document.elementFromPoint(x, y);
    while (e && e.shadowRoot) {
      const inner = e.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === e) break;
      e = inner;
    }
    return e;
  }

  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  /**
   * Where to click the element: its centre, once scrolled into view and no longer moving (a panel
   * drawn as it scrolls into view changes the layout), if nothing is drawn over it there; else null.
   */
  async function clickPoint(e) {
    const inView = (b) => b.top + b.height / 2 > 0 && b.left + b.width / 2 > 0 && b.top + b.height / 2 < innerHeight && b.left + b.width / 2 < innerWidth;
    if (!inView(e.getBoundingClientRect())) e.scrollIntoView({ block: 'center', inline: 'center' });
    await frame();
    const before = e.getBoundingClientRect();
    const scrolled = [scrollX, scrollY];
    for (let i = 0; i < 3; i++) await frame(); // (Firefox may still be adjusting the scroll position)
    await new Promise((resolve) => setTimeout(resolve, 30));
    const box = e.getBoundingClientRect();
    if (box.top !== before.top || box.left !== before.left || scrollX !== scrolled[0] || scrollY !== scrolled[1] || !inView(box)) return null;
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = elementAt(x, y);
    const reaches = hit && (hit === e || e.contains(hit) || (hit.getRootNode().host && e.contains(hit.getRootNode().host)) || (e.shadowRoot && e.shadowRoot.contains(hit)));
    return reaches ? { x: Math.round(x), y: Math.round(y) } : null;
  }

  function json(value) {
    return JSON.stringify({ value }, (key, v) => {
      if (v === undefined) return UNDEFINED;
      if (typeof v === 'number' && !Number.isFinite(v)) return `\u0000${v}`;
      return v;
    });
  }

  return { resolve, one, visible, clickPoint, json, describe };
}

/** Decodes what `json` above produced (a property that was undefined is kept, as undefined). */
export function fromPage(text) {
  const decode = (v) => {
    if (typeof v === 'string' && v.startsWith('\u0000')) return v === '\u0000undefined' ? undefined : Number(v.slice(1));
    if (v && typeof v === 'object') for (const k of Object.keys(v)) v[k] = decode(v[k]);
    return v;
  };
  return decode(JSON.parse(text)).value;
}
