// The sources list every figure links to: publisher, title, date (or "undated"), link and note.
// Full layout: every source in the dataset; compact (and on paper): only the ones cited above.
import { h, safeHref } from '../dom.js';
import { isoDate } from '../format.js';

export default {
  event: 'sources',
  citations: true,

  // Which are cited changes what render() marks, not what compute() lists in the full layout.
  view: (ctx) => [...ctx.cited].sort(),

  compute(ctx) {
    const all = [...ctx.L.sourceById.values()];
    return ctx.layout === 'full' ? all : all.filter((s) => ctx.cited.has(s.id));
  },

  render(sources, ctx) {
    // data-cited: a figure above cites it (paper lists only those: widget.css).
    return h('ol', { class: 'sources' }, sources.map((s) => h('li', { id: `source-${s.id}`, tabindex: '-1', value: s.number, 'data-source': s.id, 'data-cited': ctx.cited.has(s.id) ? '' : null }, [
      h('span', { class: 'publisher' }, s.publisher), '. ',
      safeHref(s.url) ? h('a', { href: safeHref(s.url), rel: 'noopener noreferrer', target: '_blank' }, s.title) : h('cite', {}, s.title), '. ',
      s.released ? `Released ${isoDate(s.released)}.` : /^undated/i.test(s.note || '') ? '' : 'Undated.',
      s.note ? h('span', { class: 'note' }, s.note) : null,
    ])));
  },
};
