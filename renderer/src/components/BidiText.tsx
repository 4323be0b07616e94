import { Fragment, type ReactNode } from 'react';

/**
 * ISO dates, references, IDs, numbers with separators, file names, column names (snake_case),
 * quoted values and number patterns ("05XXXXXXXX", else shown "XXXXXXXX05"): runs that must read
 * left to right inside Arabic.
 */
const LTR_RUN =
  /(\u200e?\+?\d+X{2,}|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[\w.-]+\.(?:csv|zip|pdf|xlsx|json)\b|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|"[^"\n]*"|\+?\d[\d.,/-]*\d)/g;

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

/** A whole value that reads left to right whatever surrounds it: an ISO date, an ID, a phone, an e-mail, a reference. */
const LTR_VALUE = /^(?:[#+]?[\d\s.,:/()-]+|[\w.+-]+@[\w.-]+|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?)$/;

/**
 * A left-to-right value inside a sentence of either language, isolated and never broken across
 * lines ("2026-" / "10-23", "XXXXXXXX05"): ISO dates, IDs, phones, e-mails, references.
 */
export function Ltr({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </bdi>
  );
}

/**
 * One value (a name, a formatted date, a count) isolated from its neighbours: its direction comes
 * from its own first strong letter, so "Fahad Alotaibi" beside "18 سبتمبر 2026" keeps both in place.
 */
export function Isolate({ text }: { text: string }) {
  return LTR_VALUE.test(text.trim()) ? <Ltr>{text}</Ltr> : <bdi dir="auto">{text}</bdi>;
}

/**
 * "name · date · #63": each part isolated and joined by a middle dot in the page's direction. Empty
 * parts are left out; a part already rendered (a link, a badge) is isolated as it is.
 */
export function BidiParts({ parts, separator = ' · ' }: { parts: Array<ReactNode | null | undefined | false>; separator?: string }) {
  const shown = parts.filter((p) => p !== null && p !== undefined && p !== false && p !== '');
  return (
    <>
      {shown.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && separator}
          {typeof p === 'string' || typeof p === 'number' ? <Isolate text={String(p)} /> : <bdi>{p}</bdi>}
        </Fragment>
      ))}
    </>
  );
}

/** "label: value" with the value isolated (the label is a word of the page's language). */
export function Labelled({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      {`${label}: `}
      {typeof value === 'string' ? <Isolate text={value} /> : <bdi>{value}</bdi>}
    </>
  );
}
