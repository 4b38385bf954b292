// A strict little XML well-formedness check for the SVG tests (Node has no DOMParser): every byte
// must belong to a declaration, a tag with double-quoted attributes, or text without raw `<` or
// stray `&`, and tags must nest. Returns the element names in document order.
export const parseXml = (text: string, attributeNames?: Set<string>): string[] => {
  const token = /<\?xml[^>]*\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y
  const stack: string[] = []
  const names: string[] = []
  let m: RegExpExecArray | null
  token.lastIndex = 0
  while (token.lastIndex < text.length) {
    const at = token.lastIndex
    m = token.exec(text)
    if (!m) throw new Error(`not well-formed XML at offset ${at}: ${JSON.stringify(text.slice(at, at + 60))}`)
    const [, close, name, attrs, selfClose, body] = m
    if (body !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(body)) throw new Error(`stray & in text at ${at}`)
      continue
    }
    if (name === undefined) continue
    if (attrs && /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attrs)) throw new Error(`stray & in attributes at ${at}`)
    if (close) {
      const open = stack.pop()
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${at}`)
    } else {
      names.push(name)
      for (const a of attrs.matchAll(/\s([\w:.-]+)="/g)) attributeNames?.add(a[1])
      if (!selfClose) stack.push(name)
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("><")}>`)
  return names
}

/** The `<g>` groups whose class list contains cls, with their inner text up to the next group of that class. */
export const groupsWithClass = (svg: string, cls: string): string[] => {
  const parts = svg.split(/(?=<g class="[^"]*")/)
  return parts.filter((p) => new RegExp(`^<g class="[^"]*\\b${cls}\\b`).test(p))
}
