import type { CaseRecord } from '../schemas/record.js';

/** What a record is, in the words reviewers use; the chronology's Kind column and its filter. */
export type RecordKind =
  | 'Supervision'
  | 'Home visit'
  | 'Communication'
  | 'Police liaison'
  | 'MAPPA'
  | 'Safeguarding'
  | 'Management oversight'
  | 'Assessment'
  | 'Enforcement and recall'
  | 'Allocation'
  | 'Custody and licence'
  | 'Case discussion'
  | 'Other contact'
  | 'Partner information';

const BY_CODE: Record<string, RecordKind> = {};
const group = (kind: RecordKind, codes: string) => codes.split(' ').forEach((c) => (BY_CODE[c] = kind));
group('Supervision', 'COAP COPT COVC COOO CODC COAI CODI COVI C084 COSR C031 COUP APAT APRE C243 C089 CITA POLY01 CRSAPT CRSSAA');
group('Home visit', 'CHVS COHV');
group('Communication', 'CMOA CMOB CTOA CTOB CLOA CLOB CIOA CIOB CTXT CSNR');
group('Police liaison', 'C204 C369 C515 CARR C344 VINC PREVENT');
group('MAPPA', 'C200 C281 CCMM CCMR MAPLS C484 MAPDU MAPCM MAPPM MAPQ MAPRP');
group('Safeguarding', 'C078 C159 C157 C160 C161 CCCP EASS SFGC SFRR NSD1 C507 C150 C151 C005 ERFM DAD1 DAD2 C280 CNDC CVIC');
group('Management oversight', 'MO1 MO8 MO5 CSPO CRCO');
group('Assessment', 'C004 EOAS ETCH20 ERGN ERGR ERGD CSPI CSPR ARMS1 ARMS2 DRAT');
group('Enforcement and recall', 'ERCL LCL BRED CNPS C173 C517 C519 APRAP5 EM01 EM02 EM03 EM04 EM05 RECQ REC10 RECDI RECI BIRI BRWS');
group('Allocation', 'ETOM ETOS ETRC ROC CADE EPOMAT ETCX POM4');
group('Custody and licence', 'EREL ETER ROTL ROTR C256 C395 CDHC C399 C401 EAPP');
group('Case discussion', 'C238 RRPCC1 C053 CTPJ CCON LRP1 IRP1 ERFI ICON CAIL CAIR');

export function recordKind(record: CaseRecord): RecordKind {
  if (record.kind === 'information') return 'Partner information';
  return (record.typeCode && BY_CODE[record.typeCode.toUpperCase()]) || 'Other contact';
}
