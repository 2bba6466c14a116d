/**
 * What a training copy's people, places and codes become: made-up names handed out in turn, skipping any the case
 * itself uses, and codes of the same shapes as nDelius's (a CRN, a 7-character staff code, a 6-character team code).
 */

const FIRST_NAMES = (
  'Alys Bryony Cerys Delyth Eira Ffion Gwen Hattie Imogen Juno Keira Lowri Maisie Nerys Orla Petra Rhian Saffron Tamsin ' +
  'Ursula Verity Wren Yasmin Zelda Aled Bram Cai Dafydd Emrys Fenn Gethin Huw Idris Jago Kit Lorcan Macsen Niall Osian ' +
  'Peredur Rhodri Sion Tomos Ulric Vaughan Wyn Ynyr Zeb Anwen Blodwen Carys Dilys Elin Heledd Iola Manon Olwen Seren'
).split(' ');

const SURNAMES = (
  'Abernethy Blakemore Carradine Dunstable Ellerby Fairweather Gillingham Haverford Inchbald Jessop Kettlewell ' +
  'Lindqvist Mabberley Netherwood Ormerod Pendlebury Quarrington Rushworth Sandiford Thistlewood Underhill Vickerstaff ' +
  'Wetherall Yardley Ashcombe Birtwistle Cholmondley Dimmock Eastwood Fothergill Grimshaw Hollingworth Illingworth ' +
  'Jeffcock Kilburn Lumbley Merriweather Nightingale Oddie Postlethwaite Rowntree Satterthwaite Tattersall Uttley ' +
  'Vosper Whittingham Yelland Arkwright Bottomley Cleghorn Duckworth Entwistle Fishwick Greenhalgh Heseltine'
).split(' ');

const PLACES = (
  'Fernleigh Oakhaven Brackenmoor Thornbury Ashdown Kestrelford Millbeck Harrowgate Wyndham Larkfield Stonebridge ' +
  'Elmstead Coldharbour Birchmere Redcliffe Hollowell Marston Penhallow Ravensworth Silverdale'
).split(' ');

/** Hands out names from a list in turn, never one the case uses; after the list, the list again with a number. */
function dealer(list: readonly string[], taken: ReadonlySet<string>) {
  let i = 0;
  return (): string => {
    for (;;) {
      const base = list[i % list.length]!;
      const round = Math.floor(i / list.length);
      i++;
      // Past the list, two of its names joined: still a name, and still new.
      const name = round === 0 ? base : `${base}-${list[(i * 7 + round) % list.length]!}`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  };
}

export interface Pseudonyms {
  firstName: () => string;
  surname: () => string;
  place: () => string;
}

/** Dealers of first names, surnames and places, skipping every word (lower case) in `taken`. */
export function pseudonyms(taken: ReadonlySet<string>): Pseudonyms {
  return { firstName: dealer(FIRST_NAMES, taken), surname: dealer(SURNAMES, taken), place: dealer(PLACES, taken) };
}

const digits = (n: number, width: number) => String(n).padStart(width, '0');

/** Codes dealt in turn, each of the shape of its kind and none the case already uses. */
export function codeDealer(taken: ReadonlySet<string>, make: (n: number) => string) {
  let n = 0;
  return (): string => {
    for (;;) {
      const code = make(++n);
      if (!taken.has(code)) return code;
    }
  };
}

/** A region (provider) code: a letter and two digits, as `N07`. */
export const providerCode = (n: number) => `R${digits(n % 100, 2)}`;
/** A CRN: a letter and six digits. */
export const crnCode = (n: number) => `T${digits(n, 6)}`;
