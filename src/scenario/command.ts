// The command that regenerates a run or a report: the user's own arguments, quoted so that pasting the line
// into a POSIX shell gives back the same argv.
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

export const shellQuote = (arg: string): string => (SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)

export const regenerateCommand = (argv: readonly string[]): string => ["npx", "regretlab", ...argv].map(shellQuote).join(" ")
