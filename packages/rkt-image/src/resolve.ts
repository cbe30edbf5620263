import { isRktError, RktError } from '@rkt/common';
import { IMAGE_NOT_FOUND, type ImageRecord, type Store } from '@rkt/store';

/**
 * An image argument (ID prefix or name) to its record, through the store. An ID prefix that matches
 * nothing is reported in rkt's words, `no image IDs found` (the store's own message is the cause).
 */
export async function resolveImage(
  store: Pick<Store, 'resolveImageArg'>,
  image: string,
): Promise<ImageRecord> {
  try {
    return await store.resolveImageArg(image);
  } catch (err) {
    if (isRktError(err) && err.code === IMAGE_NOT_FOUND && image.startsWith('sha512-')) {
      throw new RktError(err.code, 'no image IDs found', { cause: err });
    }
    throw err;
  }
}
