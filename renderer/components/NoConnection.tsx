/** What a database page shows before any connection is chosen. */
export function NoConnection({ title }: { title: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>No connection is selected. Choose one in the switcher at the top, or add one on the Connections page.</p>
    </section>
  );
}
