"""Qt views. Each view takes its model in the constructor and reacts to the model's signals."""
