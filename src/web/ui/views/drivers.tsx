export function DriversView() {
  return <p>todo</p>;
}
