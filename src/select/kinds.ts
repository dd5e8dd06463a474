/** The claim kinds the corpus stage assigns, in one list for validation and messages. */
import type { ClaimKind } from '../model.ts';

export const CLAIM_KINDS: readonly ClaimKind[] = ['statistic', 'fact', 'assessment', 'forecast', 'attributed'];
