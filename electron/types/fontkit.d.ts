/**
 * The part of fontkit (pdfkit's font engine, MIT, no typings of its own) the PDF renderer uses:
 * parsing a font once so every document reuses it.
 */
declare module 'fontkit' {
  /** A parsed font; pdfkit takes it wherever it takes font bytes. */
  export interface Font {
    layout(text: string, features?: unknown): unknown;
    readonly postscriptName: string;
  }
  /** Parses TrueType/OpenType bytes. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
