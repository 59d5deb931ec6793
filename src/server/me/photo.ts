import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { Db } from '../store/database.js';

export { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../sdk/me-schemas.js';
const PHOTO_SIZE = 384;

export class PhotoError extends Error {}

/**
 * Re-encodes an upload as a square WebP: whatever the file carried besides pixels (EXIF, GPS,
 * colour profiles, trailing bytes) is left behind, and so is anything that is not really an image.
 */
export async function savePhoto(db: Db, personId: number, upload: Uint8Array) {
  let data: Buffer;
  try {
    data = await sharp(upload, { limitInputPixels: 40_000_000 })
      .rotate() // apply the EXIF orientation before the EXIF goes
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new PhotoError('This file is not a JPEG, PNG or WebP image we can read.');
  }
  const row = { content_type: 'image/webp', data, version: randomBytes(6).toString('base64url') };
  await db
    .insertInto('photos')
    .values({ person_id: personId, ...row })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
}

export async function removePhoto(db: Db, personId: number) {
  await db.deleteFrom('photos').where('person_id', '=', personId).execute();
}

/** What the person's own page shows: their photo, or their initials (avatar.ts) when they have none. */
export async function myPhoto(db: Db, personId: number) {
  return db
    .selectFrom('people as p')
    .leftJoin('photos as ph', 'ph.person_id', 'p.id')
    .select(['p.public_id', 'p.display_name', 'ph.data', 'ph.content_type'])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
}
