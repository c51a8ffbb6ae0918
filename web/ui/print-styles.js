// The widget on paper (print.css): imported by a widget showing the full layout (the page, a full
// embed), the one a visitor prints, so the compact widget does not download rules it never uses.
import css from './print.css';
import { addSheet } from './sheets.js';

export const addPrintStyles = (root) => addSheet(root, css, 'print');
