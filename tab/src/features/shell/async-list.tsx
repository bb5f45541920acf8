import { makeStyles, Skeleton, SkeletonItem, type SkeletonItemProps, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Request } from '../../lib/use-request.ts';
import { PageSkeleton } from './page-skeleton.tsx';
import { RequestError } from './request-error.tsx';

const useStyles = makeStyles({
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type RowSize = NonNullable<SkeletonItemProps['size']>;

/**
 * What stands in for the list while it is read, named for screen readers (`label`): a column of bars of the given
 * heights inside a card (`minHeight` keeps the card's size, so nothing jumps when data arrives), or, for a list
 * that fills the page, the page's cards.
 */
export type LoadingShape =
  | { readonly label: string; readonly rows: readonly RowSize[]; readonly minHeight: string }
  | { readonly label: string; readonly cards: true };

export interface AsyncListProps<T extends readonly unknown[]> {
  readonly request: Request<T>;
  /** The error's title when the read fails: "Your meetings couldn't be loaded". */
  readonly failedTitle: string;
  readonly loading: LoadingShape;
  /** Shown instead of `children` when the list has nothing in it; without it, `children` get the empty list. */
  readonly empty?: ReactNode;
  readonly children: (items: T) => ReactNode;
}

/**
 * One read list, in every state: a failed read says so with a way out (retry, consent, sign in again) and keeps what
 * was shown before; the first read shows a labelled placeholder; a reload keeps the old list on screen.
 */
export function AsyncList<T extends readonly unknown[]>({
  request,
  failedTitle,
  loading,
  empty,
  children,
}: AsyncListProps<T>) {
  const { state, data } = request;
  return (
    <>
      {state.status === 'error' && (
        <RequestError error={state.error} onRetry={request.reload} failedTitle={failedTitle} />
      )}
      {!data && state.status === 'loading' && <Placeholder shape={loading} />}
      {data && (data.length === 0 && empty !== undefined ? empty : children(data))}
    </>
  );
}

function Placeholder({ shape }: { shape: LoadingShape }) {
  const styles = useStyles();
  if ('cards' in shape) return <PageSkeleton label={shape.label} compact />;
  return (
    <Skeleton aria-label={shape.label} className={styles.rows} style={{ minHeight: shape.minHeight }}>
      {shape.rows.map((size, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of placeholders
        <SkeletonItem key={index} size={size} />
      ))}
    </Skeleton>
  );
}
