import { Fragment } from 'react';

/**
 * ISO dates, references, IDs, numbers with separators, file names, column names (snake_case) and
 * quoted values: runs that must read left to right inside Arabic.
 */
const LTR_RUN =
  /(\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[\w.-]+\.(?:csv|zip|pdf|xlsx|json)\b|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|"[^"\n]*"|\+?\d[\d.,/-]*\d)/g;

/**
 * Plain text (never HTML) whose left-to-right runs are isolated, so "2027-10-12"
 * does not turn into "12-10-2027" inside an Arabic sentence.
 */
export function BidiText({ text }: { text: string }) {
  const parts = text.split(LTR_RUN);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <bdi key={i} dir="ltr">
            {part}
          </bdi>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
