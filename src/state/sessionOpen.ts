import type { Flag } from '../diagnostics/flags';
import { flagKey } from '../diagnostics/flags';
import type { Session } from '../io/sessionTypes';
import { sameSessionData } from '../io/sessionFlags';
import { countOf } from '../base/countOf';

/** What opening a session file does to the view: refuse it, or the flags to use and what to tell the user. */
export type SessionOpenPlan = { refused: string } | { refused: null; flags: Flag[]; notes: string[] };

export interface SessionOpenInput {
  session: Session;
  /** The session's flags that name images and classes loaded now. */
  resolved: Flag[];
  /** One line per session flag that could not be applied. */
  problems: string[];
  /** Where the session's numbers differ from the curve computed now (sessionDifferences). */
  differences: string[];
  /** The flags the user has set now. */
  current: readonly Flag[];
  now: { name: string; images: number; classNames: readonly string[] };
  /** Restoring this browser's own autosave for the same data (only unrestorable flags are worth a word). */
  restore: boolean;
}

const SHOWN = 3;
const some = (lines: string[]) => `${lines.slice(0, SHOWN).join('; ')}${lines.length > SHOWN ? `; and ${(lines.length - SHOWN).toLocaleString('en-US')} more` : ''}`;

/**
 * Opening a session never loses the user's work: a session saved over other
 * data (another image count or class set) whose flags name none of the images
 * loaded now is refused as a whole, with where it came from and how to open
 * it, and nothing changes. Otherwise its flags are added to the user's own
 * (never replacing them) and one note says how many applied, which did not and
 * how its numbers differ from the curve computed now.
 */
export function planSessionOpen(input: SessionOpenInput): SessionOpenPlan {
  const { session, resolved, problems, differences, current, now } = input;
  const total = session.flags.length;
  if (input.restore) {
    const flags = withoutRepeats(resolved);
    // Said every time: a curve that opens zoomed, or with points flagged, should say why.
    const restored = `Restored from your last visit to this data with this model (${session.createdAt.slice(0, 10)}): ${flags.length > 0 ? `${countOf(flags.length, 'flag')} and ` : ''}the view (axis, zoom, filter, selected point).${flags.length > 0 ? ' Clear the flags in the Flags panel to start over.' : ''}`;
    const lost = problems.length > 0 ? [`${countOf(problems.length, 'saved flag')} could not be restored: ${some(problems)}.`] : [];
    return { refused: null, flags, notes: [restored, ...lost] };
  }
  const savedFor = `"${session.dataset.name}" (${countOf(session.dataset.images, 'image')}${session.model ? `; model: ${session.model.name}` : ''})`;
  if (resolved.length === 0 && !sameSessionData(session, now)) {
    const why = total > 0 ? `none of its ${countOf(total, 'flag')} names an image loaded now` : 'its view belongs to another curve';
    return {
      refused: `Session file not imported: it was saved for ${savedFor}, and ${why} ("${now.name}", ${countOf(now.images, 'image')}). Your flags and view are unchanged. To open it, drop the files it was saved with, draw their curve, then open the session again.`,
    };
  }
  // A flag the user already has, or one the session repeats, is added once.
  const added = withoutRepeats(resolved, current);
  const kept = current.length > 0 ? `, your ${countOf(current.length, 'flag')} kept` : '';
  const notes = [
    `Session opened: saved for ${savedFor} on ${session.createdAt.slice(0, 10)}; ${resolved.length} of ${countOf(total, 'flag')} applied${kept}, and its view (axis, zoom, filter, selected point).${problems.length > 0 ? ` Not applied: ${some(problems)}.` : ''}`,
  ];
  if (differences.length > 0) notes.push(`The session's numbers differ from the curve drawn now — ${some(differences)}. Different files, model or preprocessing?`);
  return { refused: null, flags: [...current, ...added], notes };
}

/** `flags` without those that repeat an earlier one or one of `kept` (same meaning, pairs in either order). */
function withoutRepeats(flags: readonly Flag[], kept: readonly Flag[] = []): Flag[] {
  const seen = new Set(kept.map(flagKey));
  return flags.filter((f) => {
    const key = flagKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
