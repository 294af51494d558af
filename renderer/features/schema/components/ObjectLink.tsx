import type { ReactNode } from 'react';
import { navigate } from '../../../lib/hash-route';
import { objectPath, type ObjectRef } from '../object-route';

/** A link to another object's page inside the schema browser (hash route, no reload). */
export function ObjectLink({ to, children }: { to: ObjectRef; children: ReactNode }) {
  const path = objectPath(to);
  return (
    <a
      href={`#${path}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      {children}
    </a>
  );
}
