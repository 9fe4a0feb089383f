export default function HomePage() {
  return (
    <main>
      <h1>Atelier</h1>
      <p>Rooms, sessions, bookings and artists for studios.</p>
      <p>
        <a href="/admin">Open the admin panel</a>
      </p>
    </main>
  )
}
