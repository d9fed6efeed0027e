export function DataPage() {
  return <p>todo</p>;
}
