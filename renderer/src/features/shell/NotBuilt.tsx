/** A place in the navigation for a capability that is planned but not built: it says so, and shows nothing fake. */
export function NotBuilt({ name, purpose }: { name: string; purpose: string }) {
  return (
    <div className="not-built">
      <h2 className="heading-m">{name} is not built yet</h2>
      <p>{purpose}</p>
      <p>Until then, the chronology shows every record of the case.</p>
    </div>
  );
}
