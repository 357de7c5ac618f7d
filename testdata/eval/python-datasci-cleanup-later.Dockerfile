FROM python:3.10-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libgomp1
# label: unmerged-run
RUN rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY requirements.txt .
RUN pip3 install --no-cache-dir -r requirements.txt
COPY notebooks/ notebooks/
COPY src/ src/
# label: cache-busting
RUN useradd -m -u 1000 jovyan
USER jovyan
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--no-browser"]
