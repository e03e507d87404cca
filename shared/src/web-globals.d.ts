// shared/ compiles without Node or DOM typings so it cannot reach for I/O by accident. These few
// WHATWG globals exist in Node, browsers and Functions alike.
declare function btoa(data: string): string;
declare function atob(data: string): string;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
