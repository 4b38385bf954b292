// Text for charts with the math as Unicode symbols, not TeX source: x_t → xₜ, g_{1:t,i} → g₁:ₜ,ᵢ,
// D∞^2 → D∞². Characters with no Unicode subscript (or superscript) form stay as they are.

const SUB: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎",
  a: "ₐ", e: "ₑ", h: "ₕ", i: "ᵢ", j: "ⱼ", k: "ₖ", l: "ₗ", m: "ₘ", n: "ₙ", o: "ₒ", p: "ₚ", r: "ᵣ", s: "ₛ", t: "ₜ", u: "ᵤ", v: "ᵥ", x: "ₓ"
}
const SUP: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
  "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", i: "ⁱ", n: "ⁿ", t: "ᵗ"
}

const map = (s: string, table: Record<string, string>): string => [...s].map((c) => table[c] ?? c).join("")

/** `a_{bc}`, `a_b`, `a^{bc}`, `a^b` written with Unicode sub- and superscripts. */
export const mathText = (s: string): string =>
  s
    .replace(/_\{([^}]*)\}/g, (_m, inner: string) => map(inner, SUB))
    .replace(/\^\{([^}]*)\}/g, (_m, inner: string) => map(inner, SUP))
    .replace(/_([0-9a-z])/g, (_m, c: string) => map(c, SUB))
    .replace(/\^([0-9a-z])/g, (_m, c: string) => map(c, SUP))
