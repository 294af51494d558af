import { cloneElement, useId, type ReactElement } from 'react';

/**
 * A labelled form control. The label points at the control with htmlFor, so its accessible
 * name is exactly the label text (a wrapping <label> would add a select's option text to it).
 */
export function Field({
  label,
  children,
  error,
  className,
}: {
  label: string;
  children: ReactElement<{ id?: string }>;
  error?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
