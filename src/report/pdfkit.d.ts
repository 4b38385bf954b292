// The parts of pdfkit and svg-to-pdfkit that pdf.ts uses (neither package ships types).
declare module "pdfkit" {
  interface PDFDocumentOptions {
    readonly size?: readonly [number, number]
    readonly margin?: number
    readonly autoFirstPage?: boolean
    readonly info?: Readonly<Record<string, string | Date>>
  }
  class PDFDocument {
    constructor(options?: PDFDocumentOptions)
    registerFont(name: string, file: string): this
    on(event: "data", listener: (chunk: Uint8Array) => void): this
    on(event: "end", listener: () => void): this
    on(event: "error", listener: (error: Error) => void): this
    end(): void
  }
  export default PDFDocument
}

declare module "svg-to-pdfkit" {
  interface SVGtoPDFOptions {
    readonly width?: number
    readonly height?: number
    readonly assumePt?: boolean
    readonly fontCallback?: (family: string, bold: boolean, italic: boolean) => string
  }
  const SVGtoPDF: (doc: unknown, svg: string, x: number, y: number, options?: SVGtoPDFOptions) => void
  export default SVGtoPDF
}
