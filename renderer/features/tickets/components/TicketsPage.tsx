import { useEffect, useRef, useState } from 'react';
import type { ValidateOutput } from '../../../../shared/contract/tickets';
import { ErrorView } from '../../../components/ErrorView';
import { Field } from '../../../components/Field';
import { NoConnection } from '../../../components/NoConnection';
import { useConnectionProfile } from '../../../lib/connection-profile';
import { useSession } from '../../../lib/session-store';
import { useGateEvents } from '../api/list-gate-events';
import { useGates } from '../api/list-gates';
import { useValidateTicket } from '../api/validate-ticket';
import { useGateSetup } from '../stores/gate-setup';
import { outcomeText, ScanResult } from './ScanResult';
import './tickets.css';
import { formatDateTime, formatTime } from '../../../../shared/domain/format';

interface Scan {
  n: number;
  input: string;
  result: ValidateOutput;
}

/** How long the big result stays before the screen is ready for the next person. */
const RESULT_MS = 4000;
const HISTORY = 12;

/** Gate validation for staff: pick event and gate once, then scan; focus never leaves the scan box. */
export function TicketsPage() {
  const connectionId = useSession((s) => s.activeConnectionId);
  if (!connectionId) return <NoConnection title="Gate validation" />;
  return <GateScreen key={connectionId} connectionId={connectionId} />;
}

function GateScreen({ connectionId }: { connectionId: string }) {
  const { eventId, gate, staff, set } = useGateSetup();
  const events = useGateEvents(connectionId);
  const gates = useGates(connectionId, eventId);
  const validate = useValidateTicket();
  const [text, setText] = useState('');
  const [scans, setScans] = useState<Scan[]>([]);
  const [shown, setShown] = useState<Scan | undefined>();
  const [tally, setTally] = useState({ total: 0, accepted: 0 });
  const nextScan = useRef(1);
  const input = useRef<HTMLInputElement>(null);
  const event = events.data?.events.find((e) => e.id === eventId);
  // Each scan records itself in ticket_validations: a read-only profile is refused by the console.
  const readOnlyProfile = useConnectionProfile(connectionId)?.readOnly === true;
  const ready = !readOnlyProfile && event !== undefined && gate.trim() !== '' && staff.trim() !== '';

  // The big result clears itself so the next person sees "ready".
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(undefined), RESULT_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  // A keyboard-wedge scanner types wherever focus is: keep it in the scan box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName)) return;
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = () => {
    const value = text;
    setText('');
    input.current?.focus();
    if (!ready || value.trim() === '') return;
    validate.mutate(
      { connectionId, eventId: event.id, qrHash: value, gate: gate.trim(), staff: staff.trim() },
      {
        onSuccess: (result) => {
          const scan = { n: nextScan.current++, input: value, result };
          setScans((list) => [scan, ...list].slice(0, HISTORY));
          setShown(scan);
          setTally((t) => ({ total: t.total + 1, accepted: t.accepted + (result.outcome === 'ACCEPTED' ? 1 : 0) }));
        },
      },
    );
  };

  return (
    <section className="page gate-page">
      <header className="page-header">
        <h1>Gate validation</h1>
        <div className="tickets-scan-counter" aria-label="Scan counter">
          <span>
            <strong data-testid="scan-count">{tally.total}</strong> scans
          </span>
          <span className="ok">{tally.accepted} accepted</span>
          <span className="bad">{tally.total - tally.accepted} refused</span>
        </div>
      </header>
      <form className="tickets-gate-setup" aria-label="Gate setup" onSubmit={(e) => e.preventDefault()}>
        <Field label="Event">
          <select value={eventId ?? ''} onChange={(e) => set({ eventId: e.target.value || undefined })}>
            <option value="">Choose the event…</option>
            {events.data?.events.map((e) => (
              <option key={e.id} value={e.id}>
                {formatDateTime(e.startTime)} — {e.title} ({e.venue}, {e.city}){e.status === 'PUBLISHED' ? '' : ` · ${e.status}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Gate">
          <input value={gate} list="gate-names" maxLength={100} placeholder="e.g. Gate A" onChange={(e) => set({ gate: e.target.value })} />
        </Field>
        <datalist id="gate-names">
          {gates.data?.gates.map((g) => (
            <option key={g.gate} value={g.gate} />
          ))}
        </datalist>
        <Field label="Staff">
          <input value={staff} maxLength={100} placeholder="your name" onChange={(e) => set({ staff: e.target.value })} />
        </Field>
      </form>
      {events.error && <ErrorView title="Could not load the events" error={events.error} />}
      {readOnlyProfile && (
        <p className="tickets-read-only" role="note">
          This connection’s profile is read-only, and a gate writes every scan (and each accepted ticket) to the database. Use a writable
          profile for the gate: Connections → edit → uncheck Read-only, or a profile for a role that may validate tickets.
        </p>
      )}
      <form
        className="scan-form"
        aria-label="Scan"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          ref={input}
          className="tickets-scan-input"
          aria-label="Scan or type a ticket code"
          placeholder={ready ? 'Scan a ticket (or type its code and press Enter)' : 'Choose the event, gate and staff name first'}
          value={text}
          disabled={!ready}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onBlur={(e) => {
            // back to the scan box unless the person moved to another control on purpose
            if (!e.relatedTarget) setTimeout(() => input.current?.focus(), 0);
          }}
        />
      </form>
      {validate.error && <ErrorView title="The scan could not be checked" error={validate.error} />}
      <div className="tickets-scan-stage" role="status" aria-live="assertive" aria-label="Scan result">
        {shown ? (
          <ScanResult result={shown.result} />
        ) : (
          <div className="tickets-scan-ready">
            {ready ? (validate.isPending ? 'Checking…' : 'Ready to scan') : 'Set up the gate to start'}
          </div>
        )}
      </div>
      {scans.length > 0 && (
        <table className="data-table tickets-scan-history" aria-label="Last scans">
          <thead>
            <tr>
              <th>#</th>
              <th>Time</th>
              <th>Result</th>
              <th>Attendee</th>
              <th>Seat</th>
            </tr>
          </thead>
          <tbody>
            {scans.map((s) => (
              <tr key={s.n} className={`tickets-outcome-row-${s.result.outcome}`}>
                <td>{s.n}</td>
                <td>{formatTime(s.result.validatedAt)}</td>
                <td>{outcomeText[s.result.outcome].title}</td>
                <td>{s.result.ticket?.attendee ?? ''}</td>
                <td>
                  {s.result.ticket
                    ? `${s.result.ticket.section}${s.result.ticket.seat ? ` ${s.result.ticket.seat.row}${s.result.ticket.seat.number}` : ''}`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
