// Invented names: common given names paired with made-up surnames that belong to nobody.
export const GIVEN_NAMES_FEMALE = [
  'Amelia', 'Ava', 'Chloe', 'Ella', 'Evie', 'Freya', 'Grace', 'Isla', 'Jade', 'Kayla', 'Leah', 'Lily',
  'Maya', 'Mia', 'Nia', 'Olivia', 'Poppy', 'Ruby', 'Sienna', 'Zara', 'Amira', 'Hana', 'Keira', 'Tia',
] as const;
export const GIVEN_NAMES_MALE = [
  'Aaron', 'Alfie', 'Callum', 'Charlie', 'Dylan', 'Ethan', 'Finley', 'George', 'Harry', 'Jack', 'Jayden', 'Kai',
  'Leo', 'Liam', 'Mason', 'Noah', 'Oscar', 'Reece', 'Riley', 'Tyler', 'Yusuf', 'Kwame', 'Bilal', 'Ravi',
] as const;
const SURNAME_STARTS = ['Ash', 'Brack', 'Cold', 'Dun', 'Elm', 'Fern', 'Gorse', 'Hazel', 'Ivy', 'Kest', 'Lark', 'Moss', 'Nettle', 'Oak', 'Pike', 'Quill', 'Rook', 'Sedge', 'Thorn', 'Wren'] as const;
const SURNAME_ENDS = ['bury', 'combe', 'dale', 'field', 'ford', 'gate', 'holm', 'ley', 'mere', 'stow', 'thwaite', 'wick'] as const;

export function inventedSurname(a: number, b: number): string {
  return `${SURNAME_STARTS[a % SURNAME_STARTS.length]}${SURNAME_ENDS[b % SURNAME_ENDS.length]}`;
}
