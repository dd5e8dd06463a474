/** A topic or file name as a heading: `arms-trade` → "Arms trade", `energy_outlook` → "Energy outlook". */
export function headingOf(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
