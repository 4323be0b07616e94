/** A message with its {name} places filled in: "السلسلة مكسورة عند القيد {seq}" → "… القيد 12". */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
