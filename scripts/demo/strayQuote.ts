/**
 * An nDelius-like contacts export of about 8.7 MB whose notes on line 1,204 open with a quote that never closes: the
 * case of a stray quote, for the CSV reader's tests and the import benchmark.
 */
export const STRAY_QUOTE_LINE = 1204;

export function strayQuoteExport(): Uint8Array {
  const lines = ['crn,contact_id,contact_date,contact_start_time,type_code,type_description,staff_code,staff_name,team_code,notes,created_datetime'];
  for (let i = 0; lines.length < 34_000; i++) {
    const quote = lines.length + 1 === STRAY_QUOTE_LINE ? '"' : '';
    const note = `${quote}Attended on time. Discussed employment and housing; reports drinking less and no contact with old associates. Next appointment in two weeks. Ref ${i}`;
    lines.push(`X900417,${3_000_000_000 + i},2022-05-16,09:00,COAP,Planned Office Visit (NS),N07P214,James Whitfield,N07T02,${note},2022-05-16 17:00:00`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
