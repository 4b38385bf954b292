// Text for a terminal. A scenario title, a learner label or a file name can hold control
// characters: ESC sequences clear the screen, set the window title or fake earlier output, CR
// overwrites a line, bidi overrides reorder what is shown. Text printed for people goes through
// terminalText, which writes those characters as \uXXXX escapes. The same escapes are valid
// inside JSON strings (and JSON.stringify leaves backslashes paired), so a JSON document passed
// through it still parses to the original characters.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const CONTROL_OR_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

const escape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`

/** Control characters (except newline and tab) as visible \uXXXX escapes. */
export const terminalText = (text: string): string => text.replace(CONTROL, escape)

/** For one cell of a table: newlines and tabs escaped too, so the row stays one line. */
export const terminalCell = (text: string): string => text.replace(CONTROL_OR_LINE, escape)
