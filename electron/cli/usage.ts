/** What the command line says when it is asked for help or given bad input (exit 2). */

/** Bad input on the command line: reported on one line, exit 2. */
export class UsageError extends Error {}

export const USAGE = `usage: desk <command> [--db FILE|postgres://…] [--json]
  (without --db: MUMARIS_DB, else the database saved on the Settings page, else the default file)
  seed --cases N [--seed S]   fill the database with N demo requests (and demo users)
  audit verify [--checkpoint FILE] [--key PUBLIC.pem]
                              check the audit chain (read-only: writes nothing) and compare it with a
                              signed checkpoint (the newest kept for the database by default); names
                              the first broken entry, a rewritten entry or the entries missing at the end
  audit checkpoint            write a signed checkpoint of the audit chain's head now
  backup                      a backup set in the backups folder beside the database: its online backup
                              and the attachment blobs it names, sharing those of the previous set
  backup --out FILE           online backup of the database file alone (attachments stay in its blob folder)
  blobs migrate [--batch N]   move attachments' bytes out of the database into the desk's blob store
                              (beside a SQLite file; the S3 bucket of a team desk), N per batch; can be
                              stopped at any moment and run again; the database shrinks at the end
  blobs verify                check that every attachment's blob is present and whole
  blobs gc --grace-days N     remove blobs no attachment names, stored more than N days ago
  restore SET|FILE            replace the database with a checked backup (a set is refused unless every
                              attachment blob it names is in it and whole)
  check --input BUNDLE        run the eligibility checks and the integrity signals (against this database)
                              on a bundle (folder or .zip) without importing it
  refund --input FILE|-       compute a refund from RefundFacts (rules.md)
  import PATH...              import request bundles (folders or .zip); a bad bundle is reported, the rest go on
  payments import FILE.csv    import a payment gateway's reconciliation file (formats.md); prints matched,
                              unmatched, duplicate and refused lines; a malformed line refuses the whole file
  sweep                       reject returned requests whose response window has passed, and requests unpaid by their invoice's due date
  cpd-sample --month YYYY-MM [--seed S]   draw the CPD audit sample of the period holding that month (the seed is recorded)
  card --reference REF --out FILE.pdf [--layout cr80|a4]
                              print the card of an approved, paid request (issues its number on first print)
  verify-card PAYLOAD         check a card's or a letter's QR payload: valid, expired, void or forged
  card-key --out FILE         export the public key that verifies this installation's cards
  export --format csv|xlsx|pdf --out FILE [--queue Q] [--service S] [--status S] [--search TEXT]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang ar|en]
                              export a queue view (all requests by default)
  export --format pdf --reference REF --out FILE [--lang ar|en] [--copy staff|applicant]
                              the case report of one request`;

export function intOption(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}
