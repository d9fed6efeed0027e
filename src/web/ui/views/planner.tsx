export function PlannerView() {
  return <p>todo</p>;
}
