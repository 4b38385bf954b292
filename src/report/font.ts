// The one font every report uses. vega lays text out by the family name and resvg draws it from
// this file, so a PNG never depends on which fonts the machine happens to have.
import { fileURLToPath } from "node:url"

export { FONT_FAMILY } from "./font-family.ts"

/** DejaVu Sans 2.37 (Bitstream Vera licence, assets/fonts/LICENSE.txt): regular and bold (titles). */
export const FONT_FILES: readonly string[] = [
  fileURLToPath(new URL("../../assets/fonts/DejaVuSans.ttf", import.meta.url)),
  fileURLToPath(new URL("../../assets/fonts/DejaVuSans-Bold.ttf", import.meta.url))
]
