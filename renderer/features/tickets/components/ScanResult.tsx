import type { ValidateOutput } from '../../../../shared/contract/tickets';
import { formatTime } from '../../../../shared/domain/format';

export const outcomeText: Record<ValidateOutput['outcome'], { title: string; hint: string }> = {
  ACCEPTED: { title: 'ACCEPTED', hint: 'Let them in.' },
  ALREADY_USED: { title: 'ALREADY USED', hint: 'This ticket was scanned before. Do not let in; send to the help desk.' },
  WRONG_EVENT: { title: 'WRONG EVENT', hint: 'This ticket is for another event.' },
  CANCELLED: { title: 'CANCELLED', hint: 'The order of this ticket was cancelled. Send to the help desk.' },
  REFUNDED: { title: 'REFUNDED', hint: 'This ticket was refunded. Send to the help desk.' },
  NOT_FOUND: { title: 'NOT FOUND', hint: 'No ticket has this code. Check it is a ticket for this event.' },
  INVALID_INPUT: { title: 'INVALID INPUT', hint: 'That was not a ticket code. Scan the QR code again.' },
};

const time = (iso: string) => formatTime(iso);

/** The big, colour-coded answer staff read at a glance. */
export function ScanResult({ result }: { result: ValidateOutput }) {
  const text = outcomeText[result.outcome];
  const t = result.ticket;
  return (
    <div className={`tickets-scan-result tickets-outcome-${result.outcome}`} data-outcome={result.outcome}>
      <div className="tickets-scan-outcome">{text.title}</div>
      <div className="tickets-scan-hint">{text.hint}</div>
      {t && (
        <dl className="tickets-scan-details">
          <dt>Attendee</dt>
          <dd>{t.attendee}</dd>
          <dt>Section</dt>
          <dd>{t.section}</dd>
          <dt>Seat</dt>
          <dd>{t.seat ? `Row ${t.seat.row}, seat ${t.seat.number}` : 'General admission'}</dd>
          <dt>Tier</dt>
          <dd>{t.tier}</dd>
        </dl>
      )}
      {result.firstScan && (
        <p className="tickets-scan-first">
          First scanned at {time(result.firstScan.at)}
          {result.firstScan.gate ? ` at ${result.firstScan.gate}` : ''}
        </p>
      )}
      {result.reason && <p className="tickets-scan-first">Why: {result.reason}</p>}
    </div>
  );
}
