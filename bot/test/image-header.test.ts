import { describe, expect, it } from 'vitest';
import { gifImage, jpegImage, pngImage, webpImage } from '../../test/support/images';
import { IMAGE_MAX_SIDE, readImageHeader } from '../src/media/image-header';

describe('readImageHeader: a photo is known by its bytes, not by the type it claims', () => {
  it('reads the type and size of PNG, JPEG, GIF and WebP', () => {
    expect(readImageHeader(pngImage(3, 2))).toEqual({ contentType: 'image/png', width: 3, height: 2 });
    expect(readImageHeader(jpegImage(1200, 900))).toEqual({
      contentType: 'image/jpeg',
      width: 1200,
      height: 900,
    });
    expect(readImageHeader(gifImage(40, 30))).toEqual({ contentType: 'image/gif', width: 40, height: 30 });
    expect(readImageHeader(webpImage(800, 600))).toEqual({
      contentType: 'image/webp',
      width: 800,
      height: 600,
    });
  });

  it('walks past EXIF and other blocks before a JPEG frame', () => {
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x01, 0x02]), Buffer.alloc(0x100, 1)]);
    const j = jpegImage(300, 200);
    const withExif = Buffer.concat([j.subarray(0, 2), exif, j.subarray(2)]);
    expect(readImageHeader(withExif)).toMatchObject({ width: 300, height: 200 });
  });

  it('refuses what only looks like an image at first glance', () => {
    expect(readImageHeader(Buffer.from('%PDF-1.7 certificate'))).toBeUndefined();
    expect(readImageHeader(Buffer.from('<html>not a photo</html>'))).toBeUndefined();
    // the JPEG magic bytes alone, with no frame to give a size
    expect(
      readImageHeader(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50, 7)])),
    ).toBeUndefined();
    expect(readImageHeader(pngImage(2, 2).subarray(0, 20))).toBeUndefined(); // cut off
    expect(readImageHeader(Buffer.alloc(0))).toBeUndefined();
  });

  it('refuses sizes no photo has (zero, or a decompression bomb)', () => {
    expect(readImageHeader(gifImage(0, 10))).toBeUndefined();
    expect(readImageHeader(pngImage(1, 1).fill(0xff, 16, 20))).toBeUndefined(); // width 4 294 967 295
    expect(readImageHeader(jpegImage(IMAGE_MAX_SIDE + 1, 10))).toBeUndefined();
    expect(readImageHeader(jpegImage(15_000, 15_000))).toBeUndefined(); // 225 megapixels
  });
});
