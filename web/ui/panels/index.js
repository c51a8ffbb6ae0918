// The panels, in the order they appear. Each: {name, title, controls?(ctx), compute(ctx), render(data, ctx)}.
import percentile from './percentile.js';
import estimate from './estimate.js';
import career from './career.js';
import offer from './offer.js';
import compensation from './compensation.js';
import takeHome from './take-home.js';
import costOfLiving from './cost-of-living.js';
import compare from './compare.js';
import sources from './sources.js';

export const PANELS = [percentile, estimate, career, offer, compensation, takeHome, costOfLiving, compare, sources];
export const PANEL_NAMES = PANELS.map((p) => p.name);
export const COMPACT_PANELS = ['percentile', 'estimate', 'sources'];
