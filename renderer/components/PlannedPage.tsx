/** A capability not built yet says what it will do: no fake data. */
export function PlannedPage({ title, description }: { title: string; description: string }) {
  return (
    <section className="page planned-page">
      <h1>{title}</h1>
      <p>{description}</p>
      <p className="muted">This page is not built yet in this version.</p>
    </section>
  );
}
