from marsad.cli import main

main(prog_name="marsad")
