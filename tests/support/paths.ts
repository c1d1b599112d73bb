import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file rather than the working directory. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The articles shipped with citebot. */
export const shippedKnowledge = path.join(projectRoot, 'knowledge');

/** The dev set that sits beside the repository (`../shared/eval/python-faq`), in CI as well. */
export const devSet = path.join(projectRoot, '..', 'shared', 'eval', 'python-faq');

/**
 * The GNOME Help en+de dev set, built by `../shared/eval/build-gnome-help.py DIR en de` (from Debian's
 * gnome-user-docs package; `.ci/run` builds it) into this git-ignored folder, or where
 * `CITEBOT_GNOME_EVAL` says.
 */
export const gnomeDevSet =
  process.env.CITEBOT_GNOME_EVAL ?? path.join(projectRoot, '.cache', 'eval', 'gnome-en-de');
