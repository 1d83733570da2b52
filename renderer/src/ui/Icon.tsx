/** A decorative glyph, hidden from assistive technology so it never becomes part of a name. */
export function Icon({ glyph }: { glyph: string }) {
  return (
    <span className="icon" aria-hidden="true">
      {glyph}
    </span>
  );
}
