// The family name every chart spec sets (config.font). Apart from font.ts, which locates the font
// files with node:url, so the chart builders also bundle for a browser.
export const FONT_FAMILY = "DejaVu Sans"
