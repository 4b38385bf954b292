// The report layer's public surface (the CLI codes against these names).
export { buildCharts, type ChartSpec } from "./charts.ts"
export { readReportData } from "./data.ts"
export { resolveReportDir } from "./paths.ts"
export { renderPng, renderSvg } from "./render.ts"
export { summaryCsv, summaryMarkdown, summaryTable } from "./summary.ts"
export { writeReport, type WriteReportOptions } from "./write.ts"
