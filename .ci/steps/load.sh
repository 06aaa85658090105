# A bounded load run from a second process on loopback, side by side with moto's server: no
# errors, no lost creates (skips where moto or ../shared/bench is missing).
bash bench/side-by-side.sh 500
