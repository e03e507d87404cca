// What a file really is, from its bytes: the type a sender declares (LINE passes the phone's) is not
// trusted. Reads the header of JPEG, PNG, GIF and WebP far enough to know the picture's width and
// height; anything else, or a header that does not decode to a sane size, is not a photo.

export interface ImageHeader {
  readonly contentType: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';
  readonly width: number;
  readonly height: number;
}

/** A side longer than this is not a phone photo or a scanned certificate (LINE itself resizes). */
export const IMAGE_MAX_SIDE = 20_000;
/** Pixels past this would take gigabytes to decode: a decompression bomb, not a photo. */
export const IMAGE_MAX_PIXELS = 100_000_000;

export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const header = png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes);
  if (!header) return undefined;
  const { width, height } = header;
  const sane =
    Number.isInteger(width) &&
    Number.isInteger(height) &&
    width >= 1 &&
    height >= 1 &&
    width <= IMAGE_MAX_SIDE &&
    height <= IMAGE_MAX_SIDE &&
    width * height <= IMAGE_MAX_PIXELS;
  return sane ? header : undefined;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function png(b: Uint8Array): ImageHeader | undefined {
  // signature, then the IHDR chunk first: length 13, "IHDR", width, height
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || sig.some((x, i) => b[i] !== x) || ascii(b, 12, 4) !== 'IHDR') return undefined;
  return { contentType: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

function gif(b: Uint8Array): ImageHeader | undefined {
  const magic = ascii(b, 0, 6);
  if (b.length < 10 || (magic !== 'GIF87a' && magic !== 'GIF89a')) return undefined;
  return { contentType: 'image/gif', width: u16le(b, 6), height: u16le(b, 8) };
}

// Start-of-frame markers carry the size (C4 = Huffman tables, C8 = reserved, CC = arithmetic tables).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array): ImageHeader | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  // walk the marker segments until a start-of-frame: EXIF and other APPn blocks come first
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end or scan data before any frame
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2) return undefined;
    if (SOF.has(marker)) {
      if (i + 9 > b.length) return undefined;
      return { contentType: 'image/jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

function webp(b: Uint8Array): ImageHeader | undefined {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return undefined;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // lossy: a key frame's start code, then 14-bit width and height
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return { contentType: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // lossless: signature byte 0x2f, then width-1 and height-1 in 14 bits each
    if (b[20] !== 0x2f) return undefined;
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { contentType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // extended: canvas width-1 and height-1 in 24 bits each
    return { contentType: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return undefined;
}
