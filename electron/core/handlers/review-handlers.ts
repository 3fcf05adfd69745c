/**
 * Channels of the duplicate review: run the dedupe pass, page the queue, show one row side by
 * side, record decisions, merge and split clusters.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { HandlerContext } from './handler-context';

type ReviewHandlers = Pick<
  Handlers,
  | 'dedupe.run'
  | 'dedupe.status'
  | 'review.queue'
  | 'review.item'
  | 'review.decide'
  | 'review.counts'
  | 'review.bulkPreview'
  | 'review.bulkAccept'
  | 'review.mergeCluster'
  | 'review.split'
>;

const notYet = async (): Promise<never> => {
  throw new AppError('NOT_SUPPORTED', 'The duplicate review is being built; this channel is not ready yet.');
};

/** Builds the review handlers. */
export function reviewHandlers(ctx: HandlerContext): ReviewHandlers {
  void ctx;
  return {
    'dedupe.run': notYet,
    'dedupe.status': notYet,
    'review.queue': notYet,
    'review.item': notYet,
    'review.decide': notYet,
    'review.counts': notYet,
    'review.bulkPreview': notYet,
    'review.bulkAccept': notYet,
    'review.mergeCluster': notYet,
    'review.split': notYet,
  };
}
